import { useTranslation } from 'react-i18next';
import { Notices } from '../../components/Notices';
import type { LearnerPoint } from '../../datasets/points2d-split';
import { isLocked, useEmbed } from '../../embed/context';
import { PageOnly, Part, Widget } from '../../embed/Widget';
import { WidgetTools } from '../../embed/WidgetTools';
import { registerStrings } from '../../i18n';
import { parseParams } from '../../state/schema';
import { useLessonParams } from '../../state/useLessonParams';
import type { LessonPageProps } from '../pages';
import './backprop.css';
import { linkPointNotices, MlpPlayground, type MlpValues } from './MlpPlayground';
import { MLP_PARAMS, TINY_URL_PARAMS } from './params';
import { encodeAddedPoints, encodeRemoved, parseEdits } from './points-url';
import { Prose } from './Prose';
import { BP_STRINGS } from './strings';
import { TinyStepper } from './TinyStepper';
import { TryThis, type Experiment } from './TryThis';
import { WidgetHeading } from '../../embed/WidgetHeading';

registerStrings('bp', BP_STRINGS);

/** Keys whose change makes the generated points different ones: learner edits no longer apply. */
const NEW_DATA_KEYS: readonly (keyof MlpValues)[] = ['ds', 'n', 'seed'];
/** The learner's added and removed points (points-url.ts): part of the MLP widget, lockable. */
const EDIT_KEYS = ['pts', 'rm'] as const;
const TINY_KEYS = Object.keys(TINY_URL_PARAMS);
/** `model` locks the model file's import (src/export/ModelFile.tsx). */
const MLP_KEYS = [...Object.keys(MLP_PARAMS), ...EDIT_KEYS, 'model'];

export default function BackpropPage({ params, setParams, backend, globalNotices }: LessonPageProps) {
  const { t } = useTranslation('bp');
  const embed = useEmbed();
  const tiny = useLessonParams(TINY_URL_PARAMS, params, setParams);
  const mlp = useLessonParams(MLP_PARAMS, params, setParams);
  const edits = parseEdits(params, mlp.values.n);
  const editsLocked = EDIT_KEYS.some((k) => isLocked(embed, k));
  /** Drop the learner's edits (they refer to other points), except where the embedding page locks them. */
  const dropEdits = (p: URLSearchParams) => {
    for (const k of EDIT_KEYS) if (!isLocked(embed, k)) p.delete(k);
  };

  const updateMlp = (patch: Partial<MlpValues>) => {
    const newData = NEW_DATA_KEYS.some((k) => k in patch && patch[k] !== mlp.values[k] && !isLocked(embed, k));
    mlp.update(patch, newData ? dropEdits : undefined);
  };
  const setEdits = (added: LearnerPoint[], removed: number[]) => {
    if (editsLocked) return;
    mlp.update({}, (p) => {
      p.delete('pts');
      p.delete('rm');
      if (added.length > 0) p.set('pts', encodeAddedPoints(added));
      if (removed.length > 0) p.set('rm', encodeRemoved(removed));
    });
  };
  const applyExperiment = (e: Experiment) => {
    // Every MLP setting at its default except the experiment's (keys the embedding page locks stay).
    mlp.update(parseParams(MLP_PARAMS, new URLSearchParams(e.params)).values, dropEdits);
    if (!embed.embedded) document.getElementById('mlp-heading')?.scrollIntoView({ block: 'start' });
  };

  // One list of notices about the link; an embedded widget shows only its own settings' notices.
  const tinyNotices = embed.widget === 'mlp' ? [] : tiny.notices;
  const mlpNotices = embed.widget === 'chain-rule' ? [] : [...mlp.notices, ...edits.notices, ...linkPointNotices(edits.added, mlp.values.ds)];
  const notices = [...globalNotices, ...tinyNotices, ...mlpNotices];

  return (
    <main className="lesson bp-lesson">
      <PageOnly>
        <h1>{t('title')}</h1>
        <p className="lede">{t('lede')}</p>
      </PageOnly>
      <Notices notices={notices} />
      <Widget id="chain-rule" keys={TINY_KEYS}>
        <TinyStepper values={tiny.values} update={tiny.update} backend={backend}>
          <Prose name="ChainRuleSection" />
        </TinyStepper>
      </Widget>
      <Widget id="mlp" keys={MLP_KEYS}>
        <section className="bp-part" aria-labelledby="mlp-heading">
          <div className="bp-widget-head">
            <WidgetHeading id="mlp-heading">{t('mlp.heading')}</WidgetHeading>
            <WidgetTools />
          </div>
          <Part name="explanation">
            <Prose name="MlpIntro" />
          </Part>
          <MlpPlayground values={mlp.values} edits={edits} update={updateMlp} setEdits={setEdits} backend={backend} />
        </section>
        <Part name="explanation">
          <div className="prose bp-prose">
            <TryThis onTry={applyExperiment} />
            <Prose name="LayersSection" />
            <Prose name="VanishingSection" />
            <Prose name="LossSection" />
            <Prose name="RegularisationSection" />
            <Prose name="DropoutSection" />
            <Prose name="BatchNormSection" />
            <Prose name="FeaturesSection" />
          </div>
        </Part>
      </Widget>
    </main>
  );
}
