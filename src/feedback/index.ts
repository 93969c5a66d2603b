// The feedback stage's public exports (re-exported by src/index.ts).
export {};
