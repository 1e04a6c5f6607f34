import type { LessonEntry } from '../lessons/registry';

export function ComingSoon({ lesson }: { lesson: LessonEntry }) {
  return (
    <main className="lesson">
      <h1>{lesson.title}</h1>
      <p className="lede">{lesson.summary}</p>
      <p>This lesson is being built. Start with <a href="#/gradient-descent">Gradient descent</a>.</p>
    </main>
  );
}
