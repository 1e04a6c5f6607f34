import { Tex } from '../../components/math/Tex';
import { TEX } from './tex';

/** The lesson's prose in English, in sections, with the mathematics written out (formulas: tex.ts). */

function TinyIntro() {
  return (
    <p>
      A network with two inputs, two hidden units and one output, trained on a single example with the squared error{' '}
      <Tex math={TEX.squaredError} />. Every circle is one number; every arrow carries the local derivative of its head
      with respect to its tail. Step through the forward pass, the loss, the backward pass and the update, and edit any
      number below to see all of them change.
    </p>
  );
}

function GradTableNote() {
  return (
    <p className="grad-table-note">
      Every parameter, editable, with ∂L/∂θ three ways: by hand (the chain rule above, float64), by reverse-mode autodiff
      (<code>tf.valueAndGrads</code> in the worker, float32) and by central finite differences (
      <Tex math={TEX.centralDiff} />, <Tex math={TEX.epsilon} />
      ). The hand column fills in as the backward pass reaches each parameter.
    </p>
  );
}

function ChainRuleSection() {
  return (
    <section>
      <h3>What the stepper just did: the chain rule on a graph</h3>
      <p>
        When the loss depends on a weight only through a chain of intermediate numbers, its derivative is the product
        of the local derivatives along the chain. For the first weight of the tiny network:
      </p>
      <Tex block math={TEX.chainW11} />
      <p>
        When a number feeds several others, its gradient is the <em>sum</em> over every path to the loss: the input{' '}
        <Tex math={TEX.x1} /> feeds both <Tex math={TEX.z1} /> and <Tex math={TEX.z2} />, so <Tex math={TEX.sumOverPaths} />.
      </p>
      <p>
        Backpropagation is the order in which to do this cheaply. Visit the nodes from the loss backwards; at each node
        take the gradients already known at the nodes it feeds and multiply each by the local derivative on the
        connecting arrow. Shared path prefixes such as <Tex math={TEX.dLdyhat} /> are computed once and reused, so one
        backward sweep costs about as much as one forward pass and yields <em>every</em> gradient. Finite differences
        need two forward passes per parameter (18 here, billions for a large model) and are only approximate;
        reverse-mode automatic differentiation (what <code>tf.valueAndGrads</code> does) records the forward operations
        and applies exactly the local rule you just stepped through, which is why its column agrees with yours to
        float32 precision.
      </p>
    </section>
  );
}

function MlpIntro() {
  return (
    <p>
      Pick a data set, design a network and press <b>Train</b>. The colours behind the points are the network's
      predictions over the whole square, computed in the worker as it trains; the small squares in the diagram show
      what every hidden unit computes. Click the data to add a point of the chosen class (shift-click removes the
      nearest). Learning rate, batch size, optimiser, regularisation and dropout apply live; changing the data or the
      network starts again from the same seed, so two runs differ only in what you changed.
    </p>
  );
}

function LayersSection() {
  return (
    <section>
      <h2>From single numbers to whole layers</h2>
      <p>
        Write layer <Tex math={TEX.l} /> of a network as <Tex math={TEX.layerZ} /> and <Tex math={TEX.layerA} />, with
        column vectors, <Tex math={TEX.a0} /> the input features and <Tex math={TEX.W} /> holding one row per unit of
        layer <Tex math={TEX.l} /> (as <Tex math={TEX.wjk} /> above: into unit <Tex math={TEX.j} />, from input{' '}
        <Tex math={TEX.k} />
        ). Call the gradient at a layer's pre-activations <Tex math={TEX.delta} />. The chain rule, applied to every unit
        at once:
      </p>
      <Tex block math={TEX.layerBackward} />
      <p>
        The <Tex math={TEX.odot} /> is an element-wise product: each unit scales the gradient arriving at it by the slope
        of its own activation. The weight gradient is an outer product, so <Tex math={TEX.dWjk} />: the error signal of
        the unit the weight leads into, times the activity of the unit it comes from. For a mini-batch of{' '}
        <Tex math={TEX.m} /> examples the loss is the mean of their losses, so the gradients are the means of the
        per-example ones. (TensorFlow.js stores examples as rows, <Tex math={TEX.rowsZ} /> with <Tex math={TEX.plainW} />{' '}
        of shape fan-in × fan-out; there the same numbers read <Tex math={TEX.rowsGrad} />, the transpose of the above.)
      </p>
    </section>
  );
}

function VanishingSection() {
  return (
    <section>
      <h2>Why deep sigmoid networks stop learning</h2>
      <p>
        Each layer the gradient passes through multiplies it by <Tex math={TEX.Wt} /> and by the slopes{' '}
        <Tex math={TEX.fprime} />. For the sigmoid,
      </p>
      <Tex block math={TEX.sigmoidSlope} />
      <p>
        so with weights of moderate size every sigmoid layer shrinks the gradient by a factor of four or more, and six
        layers shrink it by <Tex math={TEX.fourToSix} /> or more. The first layers then barely move while the last ones
        learn. tanh is milder (<Tex math={TEX.tanhSlope} />
        ), and ReLU's slope is exactly 1 wherever a unit is active, so it passes gradients back undiminished (and
        exactly 0 where a unit is off — a unit that is off for every input has "died" and stops learning).
      </p>
      <p>
        The gradient-norm chart plots <Tex math={TEX.normPlotted} /> for each weight matrix at each step, on a log scale.
        In a 6 × 8 sigmoid network on the circle, the first layer's gradient starts about four to five orders of
        magnitude below the last layer's; switch the activation to ReLU and the lines bunch together. (Try the two
        experiments below.)
      </p>
    </section>
  );
}

function LossSection() {
  return (
    <section>
      <h2>Cross-entropy for classes, squared error for numbers</h2>
      <p>
        With two classes the network outputs one number <Tex math={TEX.s} /> (the logit), read as a probability{' '}
        <Tex math={TEX.pSigma} /> of class 1. The loss is the binary cross-entropy, the negative log-probability the
        model gave to the right answer:
      </p>
      <Tex block math={TEX.bce} />
      <p>
        The gradient is simply "predicted minus true". Compare the squared error on the probability,{' '}
        <Tex math={TEX.sqOnP} />, whose gradient <Tex math={TEX.sqOnPGrad} /> carries the factor{' '}
        <Tex math={TEX.pOneMinusP} />: when the network is confidently wrong (<Tex math={TEX.pNearZero} /> while{' '}
        <Tex math={TEX.yIsOne} />) that factor is nearly zero, so the worst mistakes produce almost no learning signal.
        Cross-entropy's gradient there is close to <Tex math={TEX.minusOne} />.
      </p>
      <p>
        With <Tex math={TEX.cGt2} /> classes (the three-armed spiral) the network outputs <Tex math={TEX.C} /> logits and
        a softmax turns them into probabilities:
      </p>
      <Tex block math={TEX.softmax} />
      <p>
        Again "predicted minus true", now for every class at once. For regression (plane, multi-Gaussian) the output is
        the number itself and the loss is the mean squared error <Tex math={TEX.mse} />. The engine computes both
        cross-entropies straight from the logits in a numerically stable form, so a confident network never takes the
        logarithm of zero.
      </p>
    </section>
  );
}

function RegularisationSection() {
  return (
    <section>
      <h2>L1 and L2 regularisation</h2>
      <p>Regularisation adds a penalty on the size of the weights (not the biases) to what the optimiser minimises:</p>
      <Tex block math={TEX.penalties} />
      <p>
        L2's gradient <Tex math={TEX.l2Grad} /> is proportional to the weight: with plain gradient descent each step
        multiplies every weight by <Tex math={TEX.decayFactor} /> before the data's pull, so large weights shrink most
        and small ones hardly at all — weights get smaller but rarely exactly zero. L1's gradient{' '}
        <Tex math={TEX.l1Grad} /> has the same size for every weight, so weights the data does not defend are pushed all
        the way to (and then jitter around) zero: the network becomes sparse. Watch the lines of the network diagram thin
        out. The loss curves show the data loss only, so runs with different <Tex math={TEX.lambda} /> stay comparable;
        the penalty is reported beside them. (With Adam the penalty's gradient is rescaled per weight like any other, so
        its effect is not exactly the textbook weight decay.)
      </p>
    </section>
  );
}

function DropoutSection() {
  return (
    <section>
      <h2>Dropout</h2>
      <p>
        At every training step each hidden unit is switched off with probability <Tex math={TEX.p} />, independently, and
        the survivors are scaled up so that the expected activation is unchanged ("inverted" dropout):
      </p>
      <Tex block math={TEX.dropout} />
      <p>
        Dropout acts only while training. The heatmaps, the accuracies and the loss curves are computed with every unit
        on and no scaling — the rescaling during training is what makes that correct. Because no unit can count on any
        particular other being present, units learn features that are useful on their own, and the trained network
        behaves like an average of many thinned networks. The batch loss in the status line does include dropout, which
        is why it is noisier than the curves.
      </p>
    </section>
  );
}

function BatchNormSection() {
  return (
    <section>
      <h2>Batch normalisation</h2>
      <p>
        With <b>Batch norm</b> ticked, every hidden layer normalises its weighted sums before the activation (the "BN"
        bars in the network diagram). For one unit, over the <Tex math={TEX.m} /> points of the mini-batch:
      </p>
      <Tex block math={TEX.bnStats} />
      <Tex block math={TEX.bnNormalise} />
      <p>
        Here <Tex math={TEX.bnEps} /> (as in Keras) keeps the division finite, and <Tex math={TEX.bnVar} /> is the
        plain average of the squared deviations (divided by m, not m − 1). The scale and shift{' '}
        <Tex math={TEX.bnGammaBeta} /> are learnt per unit, starting at 1 and 0, so the layer can stretch, move or even
        undo the normalisation if that lowers the loss. Subtracting the batch mean <Tex math={TEX.bnMu} /> removes any
        constant added to all of a unit's weighted sums, so a bias before batch norm would get a zero gradient and do
        nothing: these layers have no bias, and <Tex math={TEX.bnBeta} /> is their shift. The output layer is not normalised. With a batch of one
        point, <Tex math={TEX.bnBatchOne} />, every x̂ is 0 and each unit outputs f(β) whatever the input — batch norm
        needs batches of several points.
      </p>
      <p>
        <b>Train mode and eval mode.</b> During training the statistics are the current batch's, and the gradient flows
        through them too: moving one point's z moves the batch mean and variance and so every other point's x̂. With{' '}
        <Tex math={TEX.bnG} /> the gradient arriving at y, the backward pass (both engines; the fused one is written out
        by hand and checked against tfjs's automatic differentiation) is
      </p>
      <Tex block math={TEX.bnBackward} />
      <p>
        A point's output during training therefore depends on which other points share its batch. To predict one point,
        or the whole heatmap, the network needs fixed numbers instead: running averages kept during training, updated
        after every step with momentum 0.99,
      </p>
      <Tex block math={TEX.bnRunning} />
      <p>
        and used in eval mode, <Tex math={TEX.bnEval} />. The heatmap, the neuron pictures, the train and test loss and
        accuracy in the readout, and the exported model all use eval mode; only the batch loss in the status line and the
        gradients use batch statistics. The running averages start at 0 and 1 and the start still weighs{' '}
        <Tex math={TEX.bnLag} /> after k steps, so early in a run the eval-mode heatmap can lag behind what the batches
        already do. The panel under the network diagram shows both modes for one unit with this step's numbers.
      </p>
      <p>
        <b>Why it rescues the deep sigmoid network.</b> Without batch norm the gradient that reaches the first layer is a
        product of six sigmoid slopes (each at most ¼, far less once |z| is large) and weight matrices: in the
        "Deep sigmoid network" experiment the gradient-norm chart shows W1 three to four orders of magnitude below W7, and
        the loss stays at <Tex math={TEX.ln2} /> — the network answers 0.5 everywhere. With batch norm each unit's
        weighted sums are centred and scaled across the batch (at the start to mean 0 and variance 1), which keeps them
        where the sigmoid is steep; and the backward formula multiplies the gradient by <Tex math={TEX.bnInvStd} />, so a layer whose weighted sums have shrunk gets its gradient scaled back up rather
        than passed on shrunk. In the seeded run of that experiment with Batch norm on (circle, 6 × 8 sigmoid, SGD,
        α = 0.03, batch 10), the training loss after 2000 steps is 0.107 instead of 0.693, and ‖∂L/∂W1‖ is 0.32 instead
        of 3 × 10⁻⁵: the lines of the gradient-norm chart close up. Why batch norm helps in general is still debated:
        its authors named "internal covariate shift" (the inputs of each layer changing as earlier layers learn), while
        later experiments point more to a smoother loss surface that tolerates larger steps.
      </p>
    </section>
  );
}

function FeaturesSection() {
  return (
    <section>
      <h2>Features: doing the hidden layers' work by hand</h2>
      <p>
        A network with no hidden layer is a linear model of its input features: <Tex math={TEX.linearModel} />, and its
        decision boundary <Tex math={TEX.boundary} /> is a straight line in the space of those features. With only{' '}
        <Tex math={TEX.x1x2} /> it cannot separate XOR or a circle. But the circle's inside is{' '}
        <Tex math={TEX.circleInside} />, a linear condition on the features <Tex math={TEX.squares} />; and XOR's class is
        the sign of <Tex math={TEX.cross} />, a feature cross. Give the network those features and zero hidden layers
        solve the problem. Hidden layers learn such features themselves: the small heatmaps in the network diagram show
        what each unit has come to compute.
      </p>
    </section>
  );
}

export const PROSE_EN = {
  TinyIntro,
  GradTableNote,
  ChainRuleSection,
  MlpIntro,
  LayersSection,
  VanishingSection,
  LossSection,
  RegularisationSection,
  DropoutSection,
  BatchNormSection,
  FeaturesSection,
};
