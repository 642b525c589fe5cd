// The live status stream (GET api/events, Server-Sent Events). The browser reconnects by itself
// after a network error; when the server refuses the stream (401, 503) it gives up and onRefused
// is called.

export function openLiveStatus({ onStatus, onState, onRefused }) {
  const source = new EventSource('api/events');
  source.addEventListener('status', (event) => onStatus(JSON.parse(event.data)));
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      onState('off');
      onRefused();
    } else {
      onState('reconnecting');
    }
  });
  return () => {
    source.close();
    onState('off');
  };
}
