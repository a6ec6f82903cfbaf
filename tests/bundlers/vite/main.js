// Everything a Vite app needs: the import defines <peta-cerdas>; Vite emits the wasm and the data.
import 'peta-cerdas';
