import { isLocked, useEmbed } from '../embed/context';

/** A ready-made setting a lesson offers: the URL keys it sets, plus whatever else the lesson needs. */
export interface TryThisItem {
  id: string;
  params: Record<string, string>;
}

interface Props<E extends TryThisItem> {
  items: readonly E[];
  heading: string;
  /** The heading's level where the list sits (h2 on its own, h3 inside a lab). */
  level: 2 | 3;
  className: string;
  /** Names the list as a region (a landmark); without it the list is a plain block. */
  regionLabel?: string;
  title: (e: E) => string;
  hint: (e: E) => string;
  /** Said once when the embedding page locks a setting some experiment needs. */
  lockedNote?: string;
  onTry: (e: E) => void;
}

/**
 * The "Try this" buttons of a lesson. An experiment that needs a setting the embedding page
 * locks cannot be tried there: its button is disabled.
 */
export function TryThisList<E extends TryThisItem>({ items, heading, level, className, regionLabel, title, hint, lockedNote, onTry }: Props<E>) {
  const embed = useEmbed();
  const blocked = (e: E) => Object.keys(e.params).some((k) => isLocked(embed, k));
  const Heading = level === 2 ? 'h2' : 'h3';
  const body = (
    <>
      <Heading>{heading}</Heading>
      {lockedNote && items.some(blocked) && <p className="notice-inline">{lockedNote}</p>}
      <ul>
        {items.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => onTry(e)} disabled={blocked(e)}>
              {title(e)}
            </button>{' '}
            <span>{hint(e)}</span>
          </li>
        ))}
      </ul>
    </>
  );
  return regionLabel ? (
    <section className={className} aria-label={regionLabel}>
      {body}
    </section>
  ) : (
    <div className={className}>{body}</div>
  );
}
