/** The one barrel MDX imports widgets from. */
export { default as InitializerSampler } from "./initializer-sampler/InitializerSampler.astro";
