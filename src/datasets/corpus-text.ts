/**
 * The built-in corpus of the character-level language model: a short essay written for this
 * project (original text, free to use with the project). Plain ASCII prose, so the vocabulary
 * stays small (about 50 characters) and a small network can pick up spelling within minutes.
 */
export const BUILTIN_CORPUS_TITLE = 'On learning slowly';

export const BUILTIN_CORPUS = `On learning slowly

A network does not understand anything at first. It starts with small random numbers and a loss that tells it how wrong it is. Every step it looks at a few examples, measures the error, and moves each weight a little in the direction that makes the error smaller. That is all gradient descent is: a walk downhill, taken one careful step at a time.

The size of the step matters more than it seems. If the steps are too small, the walk takes forever and the learner gives up before the valley is reached. If the steps are too large, the walker jumps over the valley, lands on the other side higher than before, and the loss grows until the numbers are no longer numbers at all. A good learning rate is neither brave nor timid. It is patient.

A recurrent network reads a sequence one piece at a time. It keeps a small memory, the hidden state, and at every step it mixes what it remembers with what it sees. When it reads a sentence letter by letter, the hidden state has to carry the start of a word until the word ends, and the start of a thought until the thought ends. That is hard. The signal that says "you should have remembered this" has to travel backwards through every step in between, and at each step it is multiplied by something. Multiply by a number smaller than one many times and the signal fades to nothing. Multiply by a number larger than one and it explodes.

This is why the plain recurrent cell struggles with long gaps. It is not lazy and it is not broken. The arithmetic of the chain rule simply hides the distant past from it. The long short-term memory cell was built to fix exactly this. It keeps a separate cell state that is changed only by adding and by gentle forgetting, and it learns gates that decide when to write, when to keep, and when to speak. The gated recurrent unit does the same work with fewer parts. Both give the gradient a path through time that does not have to shrink.

Watching a model learn to write is a lesson in patience too. After a few hundred steps it knows that spaces come between words and that a full stop is followed by a capital letter. After a few thousand it spells short words and invents long ones that sound almost right. It never knows what the words mean. It only knows which letter tends to follow which, given everything it has read so far. And yet, when the temperature is low, its sentences start to look like ours, and when the temperature is high, they melt into happy nonsense.

Clipping the gradient is a seat belt. Most of the time it does nothing. On the rare step where the gradient suddenly becomes huge, it scales the step down to a safe length, so one bad batch cannot throw away everything learned so far. The direction is kept; only the size is limited.

There is no trick that replaces time. A model learns from many small corrections, each one almost too small to notice. So does a person. Try a thing, see how wrong it was, adjust a little, and try again. Do not judge the method by the first hundred steps. Look at the curve over the whole run, lower the learning rate when the loss starts to shake, and give the slow parts of the problem the time they need.

When the loss finally settles, it is tempting to think the work is done. It is worth one more look. Does the model do well on text it has never seen, or has it only memorised the page in front of it? A small corpus like this one is easy to memorise, and a large network will happily do so. That is not a failure of the network. It is a reminder that what we measure is what we get, and that a good teacher always keeps a few questions back for the final test.
`;
