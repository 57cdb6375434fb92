import { Icon, type IconName } from '@warmpath/ui';

const steps: ReadonlyArray<{ icon: IconName; title: string; text: string }> = [
  {
    icon: 'link',
    title: 'Get your link',
    text: 'When you join, you receive a personal link by email. It signs you in and credits your introductions.',
  },
  {
    icon: 'participants',
    title: 'Make an introduction',
    text: 'Share your link, or tell us about the company and the people you know there.',
  },
  {
    icon: 'clock',
    title: 'Follow its progress',
    text: 'See where each introduction stands, from first meeting to signed deal, and the rewards you earn.',
  },
];

/** The three steps of referring, so a first-time visitor knows what to expect. */
export function HowItWorks() {
  return (
    <section className="landing-section" aria-labelledby="how-title">
      <h2 id="how-title" className="landing-section__title">
        How it works
      </h2>
      <ol className="steps">
        {steps.map((step, index) => (
          <li key={step.title} className="steps__item">
            <span className="steps__icon" aria-hidden="true">
              <Icon name={step.icon} />
            </span>
            <h3 className="steps__title">
              <span className="wp-visually-hidden">Step {index + 1}: </span>
              {step.title}
            </h3>
            <p className="steps__text">{step.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
