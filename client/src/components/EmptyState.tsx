import { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <svg className="empty-state__mark" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="10" y="12" width="44" height="40" rx="4" />
        <path d="M18 24h28M18 32h20M18 40h24" />
      </svg>
      <h2>{title}</h2>
      <div className="empty-state__body">{children}</div>
    </section>
  );
}
