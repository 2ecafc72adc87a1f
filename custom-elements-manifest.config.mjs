// Settings of the Custom Elements Manifest analyzer, read by every run of it (scripts/docs.mjs,
// scripts/editor-data.mjs). `packagejson: false`: the analyzer would otherwise rewrite
// package.json's `customElements` to the manifest it last wrote; package.json names the shipped
// manifest, dist/custom-elements.json, whose paths point at dist/esm (scripts/editor-data.mjs).
export default { packagejson: false };
