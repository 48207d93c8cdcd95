/**
 * What a clinic page shows before its data is there: the page's heading with a loading line, or, when it
 * could not be loaded, the reason and the way back to the patients.
 */
import type { ReactNode } from 'react';
import { Link } from '../shared/Link';
import { Status } from '../shared/ui';

export function PageLoadFailed(props: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{props.title}</h1>
      <Status kind="error">{props.children}</Status>
      <p>
        <Link href="/clinic/patients">Back to the patients</Link>
      </p>
    </>
  );
}

export function PageLoading(props: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{props.title}</h1>
      <p role="status">{props.children}</p>
    </>
  );
}

/** The page's record could not be read: for a 404 that it is not in this practice, else why, in the server's words. */
export function PageNotLoaded(props: {
  title: string;
  error: { status: number; message: string };
  notFound: string;
  failed: string;
}) {
  return (
    <PageLoadFailed title={props.title}>
      <p>{props.error.status === 404 ? props.notFound : `${props.failed}: ${props.error.message}`}</p>
    </PageLoadFailed>
  );
}
