/**
 * The gradient-descent lesson's UI strings (i18n namespace 'gd'). Long prose
 * with formulas is in Explanation(.zh).tsx, LiveMath(.zh).tsx and
 * explorer/ExplorerProse(.zh).tsx. The English accessible names are what the
 * e2e tests find controls by: change them only together with the tests.
 */
import type { Strings } from '../../i18n';

export const en = {
  page: {
    title: 'Gradient descent',
    lede: 'Fit a straight line to noisy data by repeatedly stepping downhill on the loss. Change the learning rate, the batch size or the optimiser while it trains and watch the line, the numbers and the loss curve respond.',
  },
  lab: {
    region: 'Linear regression lab',
    title: 'Linear regression lab',
    liveRegion: 'The last step, with numbers',
    liveTitle: 'The last step, with its numbers',
  },
  readout: {
    w: 'w',
    b: 'b',
    fullLoss: 'loss (all points)',
    lastDw: 'last step Δw',
    epoch: 'epoch',
  },
  control: {
    lr: 'Learning rate',
    batch: 'Batch size',
    batchAll: '{{m}} (all: batch GD)',
    batchOne: '1 (stochastic)',
    stepsPerEpoch_one: '{{count}} step per epoch',
    stepsPerEpoch_other: '{{count}} steps per epoch',
    optimizer: 'Optimizer',
    noise: 'Noise',
    noiseHint: 'New data: restarts the run',
    log: 'Log scale',
  },
  opt: {
    sgd: 'SGD',
    momentum: 'Momentum',
    nesterov: 'Nesterov',
    rmsprop: 'RMSProp',
    adam: 'Adam',
  },
  chart: {
    heading: 'Loss per step',
    series: 'batch loss',
    title: 'Loss against training step',
  },
  plot: {
    aria: 'Scatter plot of {{n}} data points with the fitted line y = {{w}}x + {{b}}',
    model: 'model: ŷ = {{w}}x + {{b}}',
    rule: 'data rule: y = {{w}}x + {{b}}',
  },
  explorer: {
    region: 'Loss-surface explorer',
    title: 'Optimisers race on a loss surface',
    race: 'race',
    step: 'step',
    racers: 'Racers',
    racerAt: '{{name}}: f = {{f}} at ({{x}}, {{y}})',
    racerStopped: ' — diverged, stopped',
    regressionPath: "dashed white: the regression lab's own path (w, b)",
    chartHeading: 'f per step',
    log: 'Log scale (race)',
    chartTitle: 'Loss of each optimiser against step',
    surface: 'Surface',
    kappa: 'Condition number κ',
    optimisers: 'Optimisers',
    gradLr: 'Learning rate (SGD, Momentum, Nesterov)',
    adaptiveLr: 'Learning rate (RMSProp, Adam)',
    beta: 'Momentum β',
    beta1: 'Adam β1',
    beta2: 'Adam β2',
    gnoise: 'Gradient noise',
    sps: 'Steps per second',
    spsMax: 'as fast as possible',
    spsValue: '{{v}} /s',
    startX: 'Start point x',
    startY: 'Start point y',
  },
  phase: {
    starting: 'starting',
    ready: 'ready',
    running: 'racing',
    paused: 'paused',
    diverged: 'diverged',
    error: 'error',
  },
  surface: {
    bowl: 'Quadratic bowl',
    rosenbrock: 'Rosenbrock valley',
    himmelblau: 'Himmelblau (four minima)',
    saddle: 'Saddle point',
    regression: 'Linear regression loss L(w, b)',
  },
  map: {
    aria: 'Loss surface {{label}}. Start point ({{x}}, {{y}}): click, drag or use the arrow keys to move it.',
    ariaLocked: 'Loss surface {{label}}. Start point ({{x}}, {{y}}), fixed by the page that embeds this widget.',
    colour: 'colour: log f, darker is lower',
    minimum: '× minimum',
    critical: '◇ saddle / maximum',
    start: '○ start',
  },
  rule: {
    sgd: 'A step against the gradient, proportional to its size.',
    momentum:
      'v is a running sum of gradients. Where they agree, steps grow up to 1/(1 − β) = {{gain}} times; where they flip sign, they cancel.',
    nesterov: 'Momentum that steps as if it had already moved along v: it brakes earlier when the valley turns.',
    rmsprop:
      'Each coordinate is divided by the running size of its own gradient, so steep and flat directions move at similar speeds.',
    adam: 'Momentum (m) and RMSProp-style scaling (v) together, with a correction for both starting at zero; each step is about α long.',
  },
  math: {
    scroll: 'Formula (scroll sideways to read all of it)',
  },
  try: {
    heading: 'Try this',
    locked: 'Some of these settings are locked by the page that embeds this widget.',
    valley: {
      title: 'A narrow valley: SGD vs Momentum',
      look: 'With κ = 50, SGD must keep α below 2/50 and then crawls along the flat direction; Momentum builds speed along it.',
    },
    tooLarge: {
      title: 'Too large a learning rate',
      look: 'On the κ = 10 bowl, α = 0.21 is just above 2/λmax = 0.2: each step overshoots further and the run diverges.',
    },
    saddle: {
      title: 'Stuck at a saddle',
      look: 'Started almost exactly above the saddle, SGD slides into it and sits on the plateau f = ¼; Adam rescales the tiny sideways gradient and leaves at once.',
    },
    rosenbrock: {
      title: 'The Rosenbrock valley',
      look: 'Finding the curved valley is quick; following it to (1, 1) is slow for plain gradient descent.',
    },
    himmelblau: {
      title: 'Same start, different minima',
      look: 'On Himmelblau, Momentum overshoots into a different one of the four minima than the others.',
    },
    noise: {
      title: 'Noisy gradients',
      look: 'Noise turns exact gradients into stochastic ones, as mini-batches do: paths jitter and never quite settle.',
    },
  },
};

/** Chinese for Chinese readers: standard terms (学习率, 批大小, 优化器, 损失), not word for word. */
export const zh: Strings<typeof en>['zh'] = {
  page: {
    title: '梯度下降',
    lede: '沿着损失函数的下坡方向一步步走，用一条直线拟合带噪声的数据。训练过程中随时调整学习率、批大小或优化器，看直线、数值和损失曲线怎样随之变化。',
  },
  lab: {
    region: '线性回归实验',
    title: '线性回归实验',
    liveRegion: '上一步的具体数值',
    liveTitle: '代入数值看上一步',
  },
  readout: {
    w: 'w',
    b: 'b',
    fullLoss: '损失（全部数据）',
    lastDw: '上一步 Δw',
    epoch: '轮次',
  },
  control: {
    lr: '学习率',
    batch: '批大小',
    batchAll: '{{m}}（全部：批量梯度下降）',
    batchOne: '1（随机梯度下降）',
    stepsPerEpoch_one: '每轮 {{count}} 步',
    stepsPerEpoch_other: '每轮 {{count}} 步',
    optimizer: '优化器',
    noise: '噪声',
    noiseHint: '重新生成数据：训练从头开始',
    log: '对数坐标',
  },
  opt: {
    sgd: 'SGD',
    momentum: '动量法',
    nesterov: 'Nesterov 动量',
    rmsprop: 'RMSProp',
    adam: 'Adam',
  },
  chart: {
    heading: '每步的损失',
    series: '批损失',
    title: '损失随训练步数的变化',
  },
  plot: {
    aria: '{{n}} 个数据点的散点图，拟合直线为 y = {{w}}x + {{b}}',
    model: '模型：ŷ = {{w}}x + {{b}}',
    rule: '生成规则：y = {{w}}x + {{b}}',
  },
  explorer: {
    region: '损失曲面探索器',
    title: '优化器在损失曲面上赛跑',
    race: '赛跑',
    step: '步数',
    racers: '参赛优化器',
    racerAt: '{{name}}：f = {{f}}，位于 ({{x}}, {{y}})',
    racerStopped: '——已发散，停止',
    regressionPath: '白色虚线：线性回归实验自己走过的 (w, b) 路径',
    chartHeading: '每步的 f',
    log: '对数坐标（赛跑）',
    chartTitle: '各优化器的损失随步数的变化',
    surface: '曲面',
    kappa: '条件数 κ',
    optimisers: '优化器',
    gradLr: '学习率（SGD、动量法、Nesterov）',
    adaptiveLr: '学习率（RMSProp、Adam）',
    beta: '动量系数 β',
    beta1: 'Adam β1',
    beta2: 'Adam β2',
    gnoise: '梯度噪声',
    sps: '每秒步数',
    spsMax: '尽可能快',
    spsValue: '{{v}} 步/秒',
    startX: '起点 x',
    startY: '起点 y',
  },
  phase: {
    starting: '启动中',
    ready: '就绪',
    running: '比赛中',
    paused: '已暂停',
    diverged: '已发散',
    error: '出错',
  },
  surface: {
    bowl: '二次碗形曲面',
    rosenbrock: 'Rosenbrock 山谷',
    himmelblau: 'Himmelblau 函数（四个极小值）',
    saddle: '鞍点',
    regression: '线性回归的损失 L(w, b)',
  },
  map: {
    aria: '损失曲面：{{label}}。起点 ({{x}}, {{y}})：点击、拖动或用方向键移动。',
    ariaLocked: '损失曲面：{{label}}。起点 ({{x}}, {{y}})，已被嵌入此组件的页面固定。',
    colour: '颜色：log f，越深越低',
    minimum: '× 极小值点',
    critical: '◇ 鞍点 / 极大值点',
    start: '○ 起点',
  },
  rule: {
    sgd: '沿梯度反方向走一步，步长与梯度大小成正比。',
    momentum: 'v 是梯度的累积和。梯度方向一致时，步长最多可放大到 1/(1 − β) = {{gain}} 倍；方向来回翻转时，彼此抵消。',
    nesterov: '先假设已经沿 v 走了一步，再在那里计算更新的动量法：山谷拐弯时它会更早减速。',
    rmsprop: '每个坐标都除以自身梯度的滑动平均幅度，所以陡峭方向和平缓方向的移动速度相近。',
    adam: '动量（m）与 RMSProp 式的缩放（v）结合，并修正二者都从零开始带来的偏差；每一步的长度大约是 α。',
  },
  math: {
    scroll: '公式（可左右滚动查看全部）',
  },
  try: {
    heading: '动手试试',
    locked: '其中有些设置被嵌入此组件的页面锁定了。',
    valley: {
      title: '狭长山谷：SGD 对比动量法',
      look: '当 κ = 50 时，SGD 的 α 必须小于 2/50，于是在平缓方向上慢慢爬；动量法则沿着山谷越走越快。',
    },
    tooLarge: {
      title: '学习率太大',
      look: '在 κ = 10 的碗形曲面上，α = 0.21 略高于 2/λmax = 0.2：每一步都冲得更远，训练发散。',
    },
    saddle: {
      title: '困在鞍点',
      look: '起点几乎正好在鞍点的正上方：SGD 滑进鞍点，停在 f = ¼ 的平台上；Adam 把微小的横向梯度放大到正常步长，立刻离开。',
    },
    rosenbrock: {
      title: 'Rosenbrock 山谷',
      look: '找到弯曲的谷底很快；但沿着谷底走到 (1, 1)，对普通梯度下降来说却很慢。',
    },
    himmelblau: {
      title: '同一起点，不同的极小值',
      look: '在 Himmelblau 函数上，动量法冲过了头，落进了四个极小值中与其他优化器不同的那一个。',
    },
    noise: {
      title: '带噪声的梯度',
      look: '噪声把精确梯度变成随机梯度，就像小批量那样：路径不停抖动，始终停不稳。',
    },
  },
};
