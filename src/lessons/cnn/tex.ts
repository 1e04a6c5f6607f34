/** The lesson's formulas, written once: the English and the Chinese prose both use them. */

/** One output cell of a 2-D convolution (a cross-correlation, as deep-learning libraries compute it). */
export const CONV = `y_{i,j} = \\sum_{m=0}^{k-1}\\sum_{n=0}^{k-1}\\sum_{c=1}^{C} x_{i+m,\\,j+n,\\,c}\\; w_{m,n,c} + b.`;
/** The same with stride s and padding p. */
export const CONV_STRIDED = `y_{i,j} = \\sum_{m,n,c} x_{s i+m-p,\\; s j+n-p,\\; c}\\, w_{m,n,c} + b.`;
/** The flipped index of a convolution in the mathematical sense. */
export const FLIPPED = 'x_{i-m,\\,j-n}';
/** A fully connected layer: what a convolution is not. */
export const DENSE = 'y_{j} = \\sum_k x_{k} w_{jk} + b_j';
export const FILTERS = 'f = 1, \\dots, F';
export const FILTER_WEIGHTS = 'w_{m,n,c,f}';
export const FILTER_BIAS = 'b_f';
export const SOFTMAX_CE = `p_k = \\frac{e^{z_k}}{\\sum_{j=0}^{9} e^{z_j}}, \\qquad L = -\\log p_t .`;
export const CONV_PARAMS = 'k\\cdot k\\cdot C\\cdot F + F';
export const SHARED_GRADIENT = `\\frac{\\partial L}{\\partial w_{m,n,c,f}} = \\sum_{i,j} \\frac{\\partial L}{\\partial y_{i,j,f}}\\, x_{i+m,\\,j+n,\\,c}`;
export const SAME_BEFORE = 'p_{\\text{before}} = 0';
export const SAME_AFTER = 'p_{\\text{after}} = 1';

/** Dense-layer parameter count, with its words in the reader's language. */
export const denseParams = (inputs: string, units: string) => `\\text{${inputs}}\\cdot\\text{${units}} + \\text{${units}}`;

/** An integer for KaTeX: thousands separators as {,} so no space follows them. */
export const texThousands = (s: string) => s.replace(/,/g, '{,}');

// Batch normalisation per channel (the custom CNN's 'Batch norm').
export const BN_STATS = String.raw`\begin{aligned} \mu_c &= \frac{1}{mHW} \sum_{b=1}^{m} \sum_{i=1}^{H} \sum_{j=1}^{W} z_{b,i,j,c}, \\ \sigma_c^2 &= \frac{1}{mHW} \sum_{b,i,j} \bigl(z_{b,i,j,c} - \mu_c\bigr)^2 , \end{aligned}`;
export const BN_NORM = String.raw`\begin{aligned} \hat x_{b,i,j,c} &= \frac{z_{b,i,j,c} - \mu_c}{\sqrt{\sigma_c^2 + \varepsilon}}, \\ y_{b,i,j,c} &= \gamma_c\, \hat x_{b,i,j,c} + \beta_c . \end{aligned}`;
export const BN_GAMMA_BETA = String.raw`\gamma_c, \beta_c`;
export const BN_BETA = String.raw`\beta_c`;
export const BN_MU = String.raw`\mu_c`;
export const BN_EPS = String.raw`\varepsilon = 10^{-3}`;
export const BN_CONV_PARAMS = String.raw`k\cdot k\cdot C\cdot F`;
export const BN_PARAMS = '2F';
export const BN_RUNNING = String.raw`\begin{aligned} \hat\mu_c &\leftarrow 0.99\,\hat\mu_c + 0.01\,\mu_c, \\ \hat\sigma_c^2 &\leftarrow 0.99\,\hat\sigma_c^2 + 0.01\,\sigma_c^2 , \end{aligned}`;
export const BN_LAG = String.raw`0.99^k`;
/** The cross-entropy of a uniform guess among 10 digits. */
export const LN10 = String.raw`\ln 10 \approx 2.30`;
export const BN_BACKWARD = String.raw`\begin{aligned} \frac{\partial L}{\partial \beta_c} &= \sum_{b,i,j} g, \\ \frac{\partial L}{\partial \gamma_c} &= \sum_{b,i,j} g\, \hat x, \\ \frac{\partial L}{\partial z} &= \frac{\gamma_c}{\sqrt{\sigma_c^2 + \varepsilon}} \Bigl( g - \frac{1}{mHW} \frac{\partial L}{\partial \beta_c} - \frac{\hat x}{mHW} \frac{\partial L}{\partial \gamma_c} \Bigr) , \end{aligned}`;
export const BN_G = String.raw`g = \partial L / \partial y`;
