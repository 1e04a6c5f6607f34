import { lazy, type ComponentType } from 'react';
import type { BackendChoice } from '../ml/backend-names';
import type { LessonEntry } from './registry';

/** What every lesson page receives from the shell. */
export interface LessonPageProps {
  params: URLSearchParams;
  setParams: (p: URLSearchParams) => void;
  backend: BackendChoice;
  globalNotices: string[];
}

/**
 * Lesson id → page component, loaded on demand so each lesson is its own chunk.
 */
export const LESSON_PAGES: Record<LessonEntry['id'], ComponentType<LessonPageProps>> = {
  'gradient-descent': lazy(() => import('./gradient-descent/GradientDescentPage')),
  backprop: lazy(() => import('./backprop/BackpropPage')),
  cnn: lazy(() => import('./cnn/CnnPage')),
  rnn: lazy(() => import('./rnn/RnnPage')),
  attention: lazy(() => import('./attention/AttentionPage')),
  embeddings: lazy(() => import('./embeddings/EmbeddingsPage')),
};
