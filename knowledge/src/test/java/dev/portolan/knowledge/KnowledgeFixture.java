package dev.portolan.knowledge;

/** The test knowledge of {@code fixture-knowledge.yaml}, for tests in other packages. */
public final class KnowledgeFixture {
    private KnowledgeFixture() {}

    public static Knowledge knowledge() {
        return KnowledgeReaderTest.fixtureKnowledge();
    }
}
