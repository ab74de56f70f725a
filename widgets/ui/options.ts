/** The choice lists every control shares, each derived from its engine registry. */
import { activationNames, activations, type ActivationName } from "../../engine/activations";
import { datasetLabels, datasetNames, type DatasetName } from "../../engine/datasets";
import { initializerIds, initializers, type InitializerId } from "../../engine/initializers";

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** Every initializer, in the registry's display order, with its registry label. */
export const initializerOptions: readonly Option<InitializerId>[] = initializerIds.map((id) => ({
  value: id,
  label: initializers[id].label,
}));

/** The 2-D data sets, with their display names. */
export const datasetOptions: readonly Option<DatasetName>[] = datasetNames.map((d) => ({
  value: d,
  label: datasetLabels[d],
}));

/** Activations (all, or the ones a demo offers), with their registry labels. */
export function activationOptions<A extends ActivationName>(
  names: readonly A[] = activationNames as readonly A[],
): Option<A>[] {
  return names.map((a) => ({ value: a, label: activations[a].label }));
}
