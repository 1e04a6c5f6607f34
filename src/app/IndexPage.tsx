import { LESSONS } from '../lessons/registry';

export function IndexPage() {
  return (
    <main className="index-page">
      <h1>Learn deep learning by training real models</h1>
      <p className="lede">
        Each lesson explains one idea with the mathematics written out, and beside it trains a real model in your
        browser — on your GPU through WebGPU where it is available — while you change the settings and watch what
        happens.
      </p>
      <ol className="lesson-list">
        {LESSONS.map((l, i) => (
          <li key={l.id} className={l.available ? 'lesson-card' : 'lesson-card soon'}>
            <span className="lesson-number">{i + 1}</span>
            <div>
              <h2>
                {l.available ? <a href={`#${l.path}`}>{l.title}</a> : l.title}
                {!l.available && <span className="soon-tag">coming soon</span>}
              </h2>
              <p>{l.summary}</p>
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
