import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Word2VecView } from '../../ml/tasks/word2vec';

const W = 560;
const H = 380;
const PAD = 14;
/** Unmarked words labelled on the map (the most frequent of those shown); the rest are dots. */
const LABELLED = 30;

/**
 * The 2-D PCA map of the current vectors: every shown word a dot, the marked words (typed, their
 * neighbours, the analogy's, the learner's list) in colour and labelled. SVG, so text stays sharp
 * and the words are real text for screen readers' "read all".
 */
export const WordMap = memo(function WordMap({ map }: { map: Word2VecView['map'] | null }) {
  const { t } = useTranslation('emb');
  if (!map || map.words.length === 0) return <div className="emb-map emb-map-empty" />;
  const n = map.words.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, map.xs[i]!);
    maxX = Math.max(maxX, map.xs[i]!);
    minY = Math.min(minY, map.ys[i]!);
    maxY = Math.max(maxY, map.ys[i]!);
  }
  const sx = (x: number) => PAD + ((x - minX) / (maxX - minX || 1)) * (W - 2 * PAD - 60);
  const sy = (y: number) => H - PAD - ((y - minY) / (maxY - minY || 1)) * (H - 2 * PAD);
  const order = map.words.map((_, i) => i).sort((a, b) => Number(map.highlighted[a]) - Number(map.highlighted[b]));
  return (
    <>
      <svg className="emb-map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('map.img')}>
        {order.map((i) => {
          const hl = map.highlighted[i];
          const label = hl || i < LABELLED;
          const x = sx(map.xs[i]!);
          const y = sy(map.ys[i]!);
          return (
            <g key={map.ranks[i]} className={hl ? `emb-pt emb-pt-hl emb-pt-${map.kinds[i] ?? 'marked'}` : 'emb-pt'}>
              <circle cx={x} cy={y} r={hl ? 4 : 2.2} />
              {label && (
                <text x={x + 5} y={y + 3}>
                  {map.words[i]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="emb-legend" aria-hidden="true">
        {(['query', 'neighbour', 'analogy', 'marked'] as const).map((k) => (
          <li key={k}>
            <span className={`emb-swatch emb-pt-${k}`} /> {t(`map.${k}`)}
          </li>
        ))}
      </ul>
    </>
  );
});
