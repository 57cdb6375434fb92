import { Icon } from '@warmpath/ui';

/** The opening of the landing page: what the program is and why a referrer would join in. */
export function LandingHero() {
  return (
    <section className="landing-hero" aria-labelledby="landing-hero-title">
      <p className="landing-hero__eyebrow">Referral program</p>
      <h1 id="landing-hero-title" className="landing-hero__title">
        Introduce the companies you know. We will take it from there.
      </h1>
      <p className="landing-hero__lead">
        Share your personal link or tell us about a company that could use what we do. You can follow every
        introduction you make, and you are rewarded when it succeeds.
      </p>
      <a href="#tracks" className="landing-hero__link">
        See the ways to refer <Icon name="arrowRight" size={18} />
      </a>
    </section>
  );
}
