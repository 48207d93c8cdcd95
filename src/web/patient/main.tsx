import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import { interceptLinks } from '../shared/router';
import './patient.css';
import { PatientApp } from './App';

interceptLinks(['/p', '/diary']);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PatientApp />
  </StrictMode>,
);
