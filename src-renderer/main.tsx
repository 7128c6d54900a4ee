// Entry point. Styles: the base and the generic ui pieces first, then each component and feature
// imports its own file; the build still emits ONE stylesheet (the CSP allows 'self' styles only).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/base.css';
import './ui/controls.css';
import './ui/layout.css';
import './ui/table.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
