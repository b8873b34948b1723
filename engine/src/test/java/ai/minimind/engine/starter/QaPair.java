package ai.minimind.engine.starter;

/**
 * One generated exercise: a question, its right answer, and a plausible wrong answer (the DPO "rejected" reply).
 * {@code chinese} tells how a pretrain piece joins question and answer (no space between Chinese sentences).
 */
record QaPair(String question, String answer, String wrongAnswer, boolean chinese) {
    QaPair {
        if (answer.equals(wrongAnswer)) {
            throw new IllegalArgumentException("wrong answer equals the right one for: " + question);
        }
    }

    /** The pretrain form of this pair: question and answer as one line of running text. */
    String asText() {
        return chinese ? question + answer : question + " " + answer;
    }
}
