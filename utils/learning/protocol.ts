/** Messages of the learner features (look-up, phrasebook, review, backup), served by the background. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LearningProtocol {}
