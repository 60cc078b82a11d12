// Starts the reports worker (sceau-worker, built by Trunk for the no-modules target).
importScripts('./sceau-worker.js');
wasm_bindgen({ module_or_path: './sceau-worker_bg.wasm' });
