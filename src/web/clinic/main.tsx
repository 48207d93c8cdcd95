import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import { interceptLinks } from '../shared/router';
import './clinic.css';
import { ClinicApp } from './App';

interceptLinks(['/clinic']);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClinicApp />
  </StrictMode>,
);
