import { Notices } from '../../components/Notices';
import type { LearnerPoint } from '../../datasets/points2d-split';
import { parseParams, serializeParams, type SchemaTable, type ValuesOf } from '../../state/schema';
import type { LessonPageProps } from '../pages';
import './backprop.css';
import {
  ChainRuleSection,
  DropoutSection,
  FeaturesSection,
  LayersSection,
  LossSection,
  RegularisationSection,
  TryThis,
  VanishingSection,
  type Experiment,
} from './Explanation';
import { MlpPlayground, type MlpValues } from './MlpPlayground';
import { MLP_PARAMS, TINY_URL_PARAMS } from './params';
import { encodeAddedPoints, encodeRemoved, parseEdits } from './points-url';
import { TinyStepper } from './TinyStepper';

/** Keys whose change makes the generated points different ones: learner edits no longer apply. */
const NEW_DATA_KEYS: readonly (keyof MlpValues)[] = ['ds', 'n', 'seed'];

export default function BackpropPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const tiny = parseParams(TINY_URL_PARAMS, params);
  const mlp = parseParams(MLP_PARAMS, params);
  const edits = parseEdits(params, mlp.values.n);

  /** Every control writes the URL; the page re-reads it, so a link always restores what is on screen. */
  const write = <T extends SchemaTable>(table: T, values: ValuesOf<T>, patch: Partial<ValuesOf<T>>, also?: (p: URLSearchParams) => void) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(table)) p.delete(k);
    serializeParams(table, { ...values, ...patch }).forEach((val, k) => p.set(k, val));
    also?.(p);
    setParams(p);
  };
  const updateTiny = (patch: Partial<ValuesOf<typeof TINY_URL_PARAMS>>) => write(TINY_URL_PARAMS, tiny.values, patch);
  const updateMlp = (patch: Partial<MlpValues>) => {
    const newData = NEW_DATA_KEYS.some((k) => k in patch && patch[k] !== mlp.values[k]);
    write(MLP_PARAMS, mlp.values, patch, (p) => {
      if (newData) {
        p.delete('pts');
        p.delete('rm');
      }
    });
  };
  const setEdits = (added: LearnerPoint[], removed: number[]) => {
    const p = new URLSearchParams(params);
    p.delete('pts');
    p.delete('rm');
    if (added.length > 0) p.set('pts', encodeAddedPoints(added));
    if (removed.length > 0) p.set('rm', encodeRemoved(removed));
    setParams(p);
  };
  const applyExperiment = (e: Experiment) => {
    const p = new URLSearchParams(params);
    for (const k of [...Object.keys(MLP_PARAMS), 'pts', 'rm']) p.delete(k);
    for (const [k, val] of Object.entries(e.params)) p.set(k, val);
    setParams(p);
    document.getElementById('mlp-heading')?.scrollIntoView({ block: 'start' });
  };

  return (
    <main className="lesson bp-lesson">
      <h1>Backpropagation</h1>
      <p className="lede">
        How a network finds out which way to move each of its weights: first one number at a time on a network small
        enough to write down, then live, on networks you design, learning 2-D data in your browser.
      </p>
      <Notices notices={[...globalNotices, ...tiny.notices, ...mlp.notices, ...edits.notices]} />
      <TinyStepper values={tiny.values} update={updateTiny} backend={backend}>
        <ChainRuleSection />
      </TinyStepper>
      <section className="bp-part" aria-labelledby="mlp-heading">
        <h2 id="mlp-heading">2. An MLP playground</h2>
        <p>
          Pick a data set, design a network and press <b>Train</b>. The colours behind the points are the network's
          predictions over the whole square, computed in the worker as it trains; the small squares in the diagram
          show what every hidden unit computes. Click the data to add a point of the chosen class (shift-click removes
          the nearest). Learning rate, batch size, optimiser, regularisation and dropout apply live; changing the data
          or the network starts again from the same seed, so two runs differ only in what you changed.
        </p>
        <MlpPlayground values={mlp.values} edits={edits} update={updateMlp} setEdits={setEdits} backend={backend} />
      </section>
      <div className="prose bp-prose">
        <TryThis onTry={applyExperiment} />
        <LayersSection />
        <VanishingSection />
        <LossSection />
        <RegularisationSection />
        <DropoutSection />
        <FeaturesSection />
      </div>
    </main>
  );
}
