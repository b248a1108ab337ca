/** Trainer mode (issue #16): an extension page that works offline, with no helpdesk. */
import { render } from 'preact';
import sidebarCss from '@/components/sidebar.css?inline';
import memoryCss from '@/components/memory/memory.css?inline';
import checklistCss from '@/components/checklist/checklist.css?inline';
import '@/components/dashboard/dashboard.css';
import '@/components/standards/explained.css';
import '@/components/training/training.css';
import { TrainingApp } from './App';

render(<TrainingApp sidebarCss={`${sidebarCss}\n${memoryCss}\n${checklistCss}`} />, document.getElementById('app')!);
