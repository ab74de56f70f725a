/**
 * The one family of number formatters every demo uses, so a loss, a variance or a share reads the same in
 * every caption, badge, axis and sentence. Plain ASCII digits; no `Intl` (see `groupDigits`).
 */

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** Below this magnitude (and not 0) numbers are written m × 10ⁿ. */
export const SMALL = 1e-3;
/** At or above this magnitude integers get thousands separators. */
export const LARGE = 1e4;

/**
 * Thousands separators without `Intl`: the first `toLocaleString` call on a page initialises ICU's number
 * formatting, a one-off ~50 ms task (~200 ms on a throttled phone) that landed inside a demo's hydration.
 * Same output as `n.toLocaleString("en-US")` for the values the demos show: integers and short decimals.
 */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // toLocaleString rounds to three decimals; so do we
  const text = String(Number.isInteger(n) ? n : Math.round(n * 1000) / 1000);
  if (/e/i.test(text)) return text; // ≥ 1e21 or tiny: exponent notation, nothing to group
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** 10ⁿ with a superscript exponent ("10⁻⁴"). */
export function powerOfTen(n: number): string {
  return `10${[...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join("")}`;
}

/**
 * `digits` significant digits: "0.5", "1.23", "54", "12,000"; below 10⁻³ as "4.2 × 10⁻⁵". With `pad`, trailing
 * zeros stay ("0.50"), as a column of equal-precision numbers wants.
 */
export function sig(x: number, digits = 3, { pad = false } = {}): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a < SMALL) {
    const [m, e] = x.toExponential(Math.max(0, digits - 1)).split("e");
    return `${pad ? m : String(Number(m))} × ${powerOfTen(Number(e))}`;
  }
  const rounded = Number(x.toPrecision(digits));
  if (Math.abs(rounded) >= LARGE || (Math.abs(rounded) >= 10 && Number.isInteger(rounded)))
    return groupDigits(rounded);
  return pad ? x.toPrecision(digits) : String(rounded);
}

/** A share as a percentage: "37 %", "4.2 %", "0.31 %" (two significant digits under 10 %). */
export function percent(share: number): string {
  if (!Number.isFinite(share)) return String(share);
  const p = share * 100;
  return `${Math.abs(p) >= 10 || p === 0 ? Math.round(p) : Number(p.toPrecision(2))} %`;
}

/** A ratio as a factor: "3.3×", "54×", "20,000×". */
export function factor(r: number): string {
  return `${sig(r, 2)}×`;
}

/** A tick on a log axis: plain within 10⁻² … 10², else a power of ten ("10⁻⁵"). */
export function decade(x: number): string {
  const e = Math.round(Math.log10(x));
  return e >= -2 && e <= 2 ? String(Number(x.toPrecision(1))) : powerOfTen(e);
}

/** Whole decades 10^lo … 10^hi that cover [min, max] (at least one decade), for log axes. */
export function decadeDomain(min: number, max: number): [number, number] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  return [10 ** lo, 10 ** hi];
}

/** A count of steps or epochs: "1,200". */
export const count = (n: number): string => groupDigits(Math.round(n));

/** Powers of ten spanning the values, thinned so at most `most` are labelled. */
export function decadeTicks(values: readonly number[], most = 7): number[] {
  if (values.length === 0) return [1];
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / most));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += stride) ticks.push(10 ** e);
  return ticks;
}
