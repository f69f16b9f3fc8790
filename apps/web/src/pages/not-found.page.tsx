import { Link } from 'react-router';
import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p className="usa-intro">There is no page at this address. If you typed it, check it is correct.</p>
      <p>
        <Link to="/" className="usa-link">
          Go to the home page
        </Link>
      </p>
    </Page>
  );
}
