/** Every screen starts here: sets the document title and renders the one h1 that route changes focus. */
import { useEffect, type ReactNode } from 'react';

export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Glassbox`;
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1} className="margin-top-0">
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
