/** One rule's finding, as the referral page and the review queue list it. */
export interface FraudFlagItem {
  rule: string;
  code: string;
  message: string;
  score: number;
}

/**
 * The flags fraud rules raised, each with its rule and the score that rule gave. A referral's score is the highest of
 * them (one strong signal is enough; weak ones do not add up), so each reads "score 60", never "+60".
 */
export function FraudFlagList({ flags }: { flags: readonly FraudFlagItem[] }) {
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li key={`${flag.rule}-${flag.code}`}>
          {flag.message}{' '}
          <span className="muted-text">
            ({flag.rule} · score {flag.score})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Score 60 of 100, the highest of its 2 flags": says how the flags make the score. */
export function fraudScoreSummary(score: number, flagCount: number): string {
  if (flagCount <= 1) return `Score ${score} of 100`;
  return `Score ${score} of 100, the highest of its ${flagCount} flags`;
}
