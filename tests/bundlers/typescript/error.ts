// A deliberate type error: a region code is a string, and `select` takes nothing else. tsc must
// reject this file (TS2345), or the types check nothing.
import 'peta-cerdas';

const map = document.createElement('peta-cerdas');
map.select(3520);
