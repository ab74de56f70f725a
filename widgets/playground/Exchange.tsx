import { useState } from "preact/hooks";
import type { Network } from "../../engine/network";
import { LinkControls } from "../ui/controls";
import { exportNetwork, exportText, importNetwork } from "./exchange";
import { playgroundDemo, type PlaygroundState } from "./state";

/** Saves `text` as a file through a temporary link. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Export of the current network as JSON, import of such a file (validated before anything changes; the
 * island starts from its weights), and the copy-link button. Says what happened in one sentence.
 */
export function Exchange(props: {
  state: PlaygroundState;
  net: Network;
  epoch: number;
  onImport: (state: PlaygroundState, net: Network) => void;
}) {
  const { state, net, epoch } = props;
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const onExport = () => {
    download(
      exportText(exportNetwork(state, net, epoch)),
      `playground-${state.init}-seed${state.seed}-epoch${epoch}.json`,
    );
    setNote({ error: false, text: `Exported the network after ${epoch} epochs.` });
  };
  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = importNetwork(await file.text());
    if (!result.ok) return setNote({ error: true, text: result.error });
    props.onImport(result.state, result.net);
    setNote({
      error: false,
      text: `Imported ${file.name}: a network exported after ${result.epoch} epochs. Reset returns to these weights; the link cannot carry them.`,
    });
  };
  return (
    <div class="pg-group" role="group" aria-label="Save and share">
      <button type="button" class="button" onClick={onExport}>
        Export network (JSON)
      </button>
      <label class="button pg-import">
        Import network (JSON)
        <input type="file" accept="application/json,.json" onChange={(e) => void onImport(e.currentTarget)} />
      </label>
      <LinkControls demo={playgroundDemo} state={state} />
      {note && (
        <p class={note.error ? "pg-exchange pg-exchange--error" : "pg-exchange"} role="alert">
          {note.text}
        </p>
      )}
    </div>
  );
}
