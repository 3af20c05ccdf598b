/** The floor's frame: the bridge, one invoke, the answer in the DOM. No framework. */
import { invoke } from '@forge/bridge';

const out = document.getElementById('out');
void invoke('floor').then((answer) => {
  if (!out) return;
  out.textContent = JSON.stringify(answer);
  out.dataset.ready = 'true';
});
