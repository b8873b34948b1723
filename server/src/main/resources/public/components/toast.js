// One polite status line for short confirmations and errors (screen readers announce it).
let timer = null;

export function showToast(message, kind = 'info') {
  const toast = document.getElementById('toast');
  toast.textContent = message;
  toast.className = `toast visible ${kind}`;
  clearTimeout(timer);
  timer = setTimeout(() => { toast.className = 'toast'; }, kind === 'error' ? 8000 : 4000);
}
