import { createRoot } from 'react-dom/client';

// Placeholder entry until the Custom UI issue lands: renders a real (tiny) bundle so the manifest validates.
const root = document.getElementById('root');
if (root) createRoot(root).render(<p>TestKase for Jira is loading…</p>);
