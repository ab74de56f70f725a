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
