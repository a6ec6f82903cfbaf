// Everything a webpack app needs: the import defines <peta-cerdas>; webpack emits the wasm and the data.
import 'peta-cerdas';
