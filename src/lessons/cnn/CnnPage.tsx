import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import { useEmbed } from '../../embed/context';
import { PageOnly, Part, Widget } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { registerStrings } from '../../i18n';
import type { BackendChoice } from '../../ml/backend-names';
import type { MnistModelSpec } from '../../ml/cnn/architecture';
import { useLessonParams } from '../../state/useLessonParams';
import type { LessonPageProps } from '../pages';
import './cnn.css';
import { ConvExplainer, PoolExplainer } from './ConvExplainer';
import { MnistLab } from './MnistLab';
import { ParamCompare } from './ParamCompare';
import { clampTestIndex, CNN_PARAMS, EXPLAINER_PARAMS, modelSpecOf, type CnnValues, type ExplainerValues } from './params';
import { useProse } from './prose';
import { en, zh } from './strings';
import { SampleGallery } from './TrainingPanels';
import { useMnistPack } from './useMnistPack';
import { WidgetHeading } from '../../embed/WidgetHeading';

registerStrings('cnn', { en, zh });

const MNIST_KEYS = Object.keys(CNN_PARAMS);
const EXPLAINER_KEYS = Object.keys(EXPLAINER_PARAMS);

interface MnistProps {
  values: CnnValues;
  spec: MnistModelSpec;
  update: (patch: Partial<CnnValues>) => void;
  backend: BackendChoice;
}

/**
 * The 'mnist' widget: the data and the lab. The MNIST pack (for the galleries) is loaded
 * here, so the convolution widget embedded alone never fetches it.
 */
function MnistWidget({ values, spec, update, backend }: MnistProps) {
  const { t } = useTranslation('cnn');
  const P = useProse();
  const pack = useMnistPack();
  // Embedded, the lab comes first and the sample digits follow it.
  const embedded = useEmbed().embedded;
  const data = (
    <section className="cnn-data" aria-labelledby="cnn-data-heading">
      <div className="cnn-widget-head">
        <h2 id="cnn-data-heading">{t('data.heading')}</h2>
        <WidgetTools />
      </div>
      <div className="cnn-data-grid">
        <Part name="explanation">
          <div className="cnn-data-text">
            <P.DataIntro />
          </div>
        </Part>
        <SampleGallery pack={pack.pack} error={pack.error} />
      </div>
    </section>
  );
  return (
    <>
      {!embedded && data}
      <MnistLab values={values} spec={spec} update={update} backend={backend} pack={pack} />
      {embedded && data}
    </>
  );
}

/** The 'convolution' widget: the stepped convolution and pooling explainers with their prose. */
function ConvolutionWidget({ values, update }: { values: ExplainerValues; update: (patch: Partial<ExplainerValues>) => void }) {
  const { t } = useTranslation('cnn');
  const P = useProse();
  return (
    <section className="prose cnn-prose" aria-labelledby="cnn-conv-heading">
      <div className="cnn-widget-head">
        <WidgetHeading id="cnn-conv-heading">{t('conv.heading')}</WidgetHeading>
        <WidgetTools />
      </div>
      <Part name="explanation">
        <P.ConvolutionText />
      </Part>
      <ConvExplainer values={values} update={update} />
      <h2>{t('pool.heading')}</h2>
      <Part name="explanation">
        <P.PoolingText />
      </Part>
      <PoolExplainer values={values} />
    </section>
  );
}

export default function CnnPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('cnn');
  const P = useProse();
  const embed = useEmbed();
  const lab = useLessonParams(CNN_PARAMS, params, setParams);
  const explainer = useLessonParams(EXPLAINER_PARAMS, params, setParams);
  const clamped = clampTestIndex(lab.values.img, lab.values.test);
  const values: CnnValues = { ...lab.values, img: clamped.img };
  const model = modelSpecOf(values);
  const specKey = JSON.stringify(model.spec);
  // Stable identity while the spec is the same, so the lab does not rebuild on unrelated changes
  // (the spec is plain JSON data, so its serialised form is its identity).
  const spec = useMemo(() => JSON.parse(specKey) as MnistModelSpec, [specKey]);

  // One notice about the test image: the test-set bound replaces the schema's wider range check.
  const labNotices = clamped.notice ? lab.notices.filter((n) => !n.startsWith('img=')) : lab.notices;
  const shows = (id: 'mnist' | 'convolution') => embed.widget === null || embed.widget === id;
  const notices = [
    ...globalNotices,
    ...(shows('mnist') ? [...labNotices, ...(clamped.notice ? [clamped.notice] : []), ...model.notices] : []),
    ...(shows('convolution') ? explainer.notices : []),
  ];

  return (
    <main className="lesson cnn-lesson">
      <PageOnly>
        <h1>{t('title')}</h1>
        <p className="lede">{t('lede')}</p>
      </PageOnly>
      <Notices notices={notices} />
      <Widget id="mnist" keys={MNIST_KEYS}>
        <MnistWidget values={values} spec={spec} update={lab.update} backend={backend} />
      </Widget>
      <Widget id="convolution" keys={EXPLAINER_KEYS}>
        <ConvolutionWidget values={explainer.values} update={explainer.update} />
      </Widget>
      <PageOnly>
        <div className="prose cnn-prose">
          <P.ArchitectureSection />
          <P.ParamsSection />
          <ParamCompare custom={values.model === 'custom' ? spec : null} />
          <P.SharingSection />
          <P.BatchNormSection />
          <P.TrainingNotes />
        </div>
      </PageOnly>
    </main>
  );
}
