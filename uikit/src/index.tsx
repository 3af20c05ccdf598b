/** The UI Kit resource's entry (manifest.yml: resource `issue-summary`, `render: native`). */
import ForgeReconciler from '@forge/react';
import { IssueSummaryApp } from './App';

// No StrictMode: its doubled effects would double the one invoke per render.
ForgeReconciler.render(<IssueSummaryApp />);
