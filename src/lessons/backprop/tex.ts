/**
 * The lesson's formulas, written once and shared by the English and Chinese prose
 * (Explanation.tsx, Explanation.zh.tsx). Our notation throughout: w_jk is the weight into
 * unit j from input k; δ^(l) = ∂L/∂z^(l); column vectors.
 */
export const TEX = {
  // Part 1 introduction and the gradient table.
  squaredError: String.raw`L = \tfrac12(\hat y - t)^2`,
  centralDiff: String.raw`\tfrac{L(\theta+\varepsilon)-L(\theta-\varepsilon)}{2\varepsilon}`,
  epsilon: String.raw`\varepsilon = 10^{-6}`,

  // The chain rule on the graph.
  // Two lines, so it fits a phone's column.
  chainW11: String.raw`\begin{aligned} \frac{\partial L}{\partial w_{11}} &= \frac{\partial L}{\partial \hat y}\cdot\frac{\partial \hat y}{\partial h_1}\cdot\frac{\partial h_1}{\partial z_1}\cdot\frac{\partial z_1}{\partial w_{11}} \\ &= (\hat y - t)\cdot v_1\cdot \varphi'(z_1)\cdot x_1 . \end{aligned}`,
  x1: 'x_1',
  z1: 'z_1',
  z2: 'z_2',
  sumOverPaths: String.raw`\frac{\partial L}{\partial x_1} = \frac{\partial L}{\partial z_1} w_{11} + \frac{\partial L}{\partial z_2} w_{21}`,
  dLdyhat: String.raw`\partial L/\partial \hat y`,

  // Layers.
  l: 'l',
  layerZ: String.raw`z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}`,
  layerA: String.raw`a^{(l)} = f(z^{(l)})`,
  a0: 'a^{(0)} = x',
  W: 'W^{(l)}',
  wjk: 'w_{jk}',
  j: 'j',
  k: 'k',
  delta: String.raw`\delta^{(l)} = \partial L / \partial z^{(l)}`,
  layerBackward: String.raw`\delta^{(l)} = f'\!\left(z^{(l)}\right) \odot \frac{\partial L}{\partial a^{(l)}}, \qquad \frac{\partial L}{\partial a^{(l-1)}} = W^{(l)\top}\delta^{(l)}, \qquad \frac{\partial L}{\partial W^{(l)}} = \delta^{(l)}\, a^{(l-1)\top}, \qquad \frac{\partial L}{\partial b^{(l)}} = \delta^{(l)} .`,
  odot: String.raw`\odot`,
  dWjk: String.raw`\partial L/\partial W^{(l)}_{jk} = \delta^{(l)}_j\, a^{(l-1)}_k`,
  m: 'm',
  rowsZ: 'Z = AW + b',
  plainW: 'W',
  rowsGrad: String.raw`\partial L/\partial W = A^\top \Delta`,

  // Vanishing gradients.
  Wt: String.raw`W^{(l)\top}`,
  fprime: String.raw`f'(z^{(l)})`,
  sigmoidSlope: String.raw`\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr) \le \tfrac14, \quad\text{with equality only at } z = 0 ,`,
  sigmoidSlopeZh: String.raw`\sigma'(z) = \sigma(z)\bigl(1 - \sigma(z)\bigr) \le \tfrac14, \quad\text{当且仅当 } z = 0 \text{ 时取等号，}`,
  fourToSix: String.raw`4^{-6} \approx 2.4\times 10^{-4}`,
  tanhSlope: String.raw`\tanh'(z) = 1 - \tanh^2 z \le 1`,
  normPlotted: String.raw`\lVert \partial (L + \text{penalty}) / \partial W^{(l)} \rVert`,
  normPlottedZh: String.raw`\lVert \partial (L + \text{正则项}) / \partial W^{(l)} \rVert`,

  // Losses.
  s: 's',
  pSigma: String.raw`p = \sigma(s)`,
  bce: String.raw`L = -\bigl[\, y \ln p + (1 - y)\ln(1 - p) \,\bigr], \qquad \frac{\partial L}{\partial s} = p - y .`,
  sqOnP: 'L = (p - y)^2',
  sqOnPGrad: String.raw`\partial L/\partial s = 2(p - y)\,p(1 - p)`,
  pOneMinusP: 'p(1-p)',
  pNearZero: String.raw`p \approx 0`,
  yIsOne: 'y = 1',
  minusOne: '-1',
  cGt2: 'C > 2',
  C: 'C',
  softmax: String.raw`p_k = \frac{e^{s_k}}{\sum_{j=1}^{C} e^{s_j}}, \qquad L = -\ln p_y, \qquad \frac{\partial L}{\partial s_k} = p_k - [k = y] .`,
  mse: String.raw`L = \frac1m \sum_i (\hat y_i - y_i)^2`,

  // Regularisation.
  penalties: String.raw`L_{\text{total}} = L_{\text{data}} + \lambda \sum_{w} |w| \;\;(\text{L1}) \qquad\text{or}\qquad L_{\text{data}} + \lambda \sum_{w} w^2 \;\;(\text{L2}) .`,
  penaltiesZh: String.raw`L_{\text{总}} = L_{\text{数据}} + \lambda \sum_{w} |w| \;\;(\text{L1}) \qquad\text{或}\qquad L_{\text{数据}} + \lambda \sum_{w} w^2 \;\;(\text{L2}) .`,
  l2Grad: String.raw`2\lambda w`,
  decayFactor: String.raw`1 - 2\alpha\lambda`,
  l1Grad: String.raw`\lambda\,\operatorname{sign}(w)`,
  lambda: String.raw`\lambda`,

  // Dropout.
  p: 'p',
  dropout: String.raw`\tilde a_i = \frac{m_i}{1 - p}\, a_i, \quad m_i \sim \text{Bernoulli}(1 - p), \qquad \mathbb{E}[\tilde a_i] = a_i .`,

  dropoutZh: String.raw`\tilde a_i = \frac{m_i}{1 - p}\, a_i, \quad m_i \sim \text{伯努利}(1 - p), \qquad \mathbb{E}[\tilde a_i] = a_i .`,

  // Batch normalisation.
  bnStats: String.raw`\mu_B = \frac1m \sum_{i=1}^{m} z_i, \qquad \sigma_B^2 = \frac1m \sum_{i=1}^{m} (z_i - \mu_B)^2 ,`,
  bnNormalise: String.raw`\hat x_i = \frac{z_i - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}}, \qquad y_i = \gamma \hat x_i + \beta, \qquad a_i = f(y_i) .`,
  bnEps: String.raw`\varepsilon = 10^{-3}`,
  bnBatchOne: String.raw`\sigma_B^2 = 0`,
  bnGammaBeta: String.raw`\gamma, \beta`,
  bnBeta: String.raw`\beta`,
  bnMu: String.raw`\mu_B`,
  bnVar: String.raw`\sigma_B^2`,
  bnRunning: String.raw`\hat\mu \leftarrow 0.99\,\hat\mu + 0.01\,\mu_B, \qquad \hat\sigma^2 \leftarrow 0.99\,\hat\sigma^2 + 0.01\,\sigma_B^2 ,`,
  bnEval: String.raw`\hat x = (z - \hat\mu)/\sqrt{\hat\sigma^2 + \varepsilon}`,
  bnLag: String.raw`0.99^k`,
  bnBackward: String.raw`\begin{aligned} \frac{\partial L}{\partial \beta} &= \sum_i g_i, \qquad \frac{\partial L}{\partial \gamma} = \sum_i g_i \hat x_i, \\ \frac{\partial L}{\partial z_i} &= \frac{\gamma}{m\sqrt{\sigma_B^2 + \varepsilon}} \Bigl( m\, g_i - \sum_j g_j - \hat x_i \sum_j g_j \hat x_j \Bigr) , \end{aligned}`,
  bnG: 'g_i',
  bnInvStd: String.raw`\gamma/\sqrt{\sigma_B^2 + \varepsilon}`,
  ln2: String.raw`\ln 2 \approx 0.693`,

  // Features.
  linearModel: String.raw`s = \sum_i w_i\,\phi_i(x) + b`,
  boundary: 's = 0',
  x1x2: 'x_1, x_2',
  circleInside: 'x_1^2 + x_2^2 < r^2',
  squares: 'x_1^2, x_2^2',
  cross: 'x_1 x_2',

  // The tiny stepper's update explanation.
  alpha: (lr: string) => String.raw`\alpha = ${lr}`,
} as const;
