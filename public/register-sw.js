// Registers the offline cache. Kept out of the wasm so the app starts without waiting for it.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Offline support is a bonus: the app works without it.
  });
}
