import { useParams } from 'react-router';
import { ContestPlay } from '@/features/contests/components/contest-play';

/** The public contest page (no sign-in): one column, built for a 360-px phone. */
export function ContestPlayRoute() {
  const { contestId = '' } = useParams();
  return (
    <section style={{ maxWidth: 640, marginInline: 'auto' }}>
      <ContestPlay contestId={contestId} />
    </section>
  );
}
