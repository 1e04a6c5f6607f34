import { useMemo } from 'react';
import { Notices } from '../../components/Notices';
import { parseParams, serializeParams, type SchemaTable, type ValuesOf } from '../../state/schema';
import type { MnistModelSpec } from '../../ml/cnn/architecture';
import type { LessonPageProps } from '../pages';
import './cnn.css';
import { ConvExplainer, PoolExplainer } from './ConvExplainer';
import {
  ArchitectureSection,
  ConvolutionSection,
  DataIntro,
  ParamsSection,
  PoolingSection,
  SharingSection,
  TrainingNotes,
} from './Explanation';
import { MnistLab } from './MnistLab';
import { ParamCompare } from './ParamCompare';
import { clampTestIndex, CNN_PARAMS, EXPLAINER_PARAMS, modelSpecOf, type CnnValues, type ExplainerValues } from './params';
import { SampleGallery } from './TrainingPanels';
import { useMnistPack } from './useMnistPack';

export default function CnnPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const lab = parseParams(CNN_PARAMS, params);
  const explainer = parseParams(EXPLAINER_PARAMS, params);
  const clamped = clampTestIndex(lab.values.img, lab.values.test);
  const values: CnnValues = { ...lab.values, img: clamped.img };
  const model = modelSpecOf(values);
  const specKey = JSON.stringify(model.spec);
  // Stable identity while the spec is the same, so the lab does not rebuild on unrelated changes
  // (the spec is plain JSON data, so its serialised form is its identity).
  const spec = useMemo(() => JSON.parse(specKey) as MnistModelSpec, [specKey]);
  const pack = useMnistPack();

  /** Every control writes the URL; the page re-reads it, so a link always restores what is on screen. */
  const write = <T extends SchemaTable>(table: T, current: ValuesOf<T>, patch: Partial<ValuesOf<T>>) => {
    const p = new URLSearchParams(params);
    for (const k of Object.keys(table)) p.delete(k);
    serializeParams(table, { ...current, ...patch }).forEach((val, k) => p.set(k, val));
    setParams(p);
  };
  const update = (patch: Partial<CnnValues>) => write(CNN_PARAMS, values, patch);
  const updateExplainer = (patch: Partial<ExplainerValues>) => write(EXPLAINER_PARAMS, explainer.values, patch);

  // One notice about the test image: the test-set bound replaces the schema's wider range check.
  const labNotices = clamped.notice ? lab.notices.filter((n) => !n.startsWith('img=')) : lab.notices;
  const notices = [...globalNotices, ...labNotices, ...(clamped.notice ? [clamped.notice] : []), ...model.notices, ...explainer.notices];

  return (
    <main className="lesson cnn-lesson">
      <h1>Convolutional networks</h1>
      <p className="lede">
        Train a convolutional network on real handwritten digits in your browser, watch its filters and feature maps form,
        compare it with a plain multi-layer perceptron, and let it read a digit you draw.
      </p>
      <Notices notices={notices} />
      <section className="cnn-data" aria-labelledby="cnn-data-heading">
        <h2 id="cnn-data-heading">The data: MNIST digits</h2>
        <div className="cnn-data-grid">
          <div className="cnn-data-text">
            <DataIntro />
          </div>
          <SampleGallery pack={pack.pack} error={pack.error} />
        </div>
      </section>
      <MnistLab values={values} spec={spec} update={update} backend={backend} pack={pack} />
      <div className="prose cnn-prose">
        <ConvolutionSection />
        <ConvExplainer values={explainer.values} update={updateExplainer} />
        <PoolingSection />
        <PoolExplainer values={explainer.values} />
        <ArchitectureSection />
        <ParamsSection />
        <ParamCompare custom={values.model === 'custom' ? spec : null} />
        <SharingSection />
        <TrainingNotes />
      </div>
    </main>
  );
}
