package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The README's "Adding the library to your build" gives the engine module's real coordinates and the install step. */
class ReadmeEmbeddingTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void theDependencySnippetNamesTheEngineModule() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("### Adding the library to your build");
        assertTrue(section >= 0, "the README has the section");
        String text = readme.substring(section, readme.indexOf("\n## ", section));
        assertTrue(text.contains("mvn -B -q install -DskipTests"), "the install step is given");
        Matcher snippet = Pattern.compile("(?s)<dependency>.*?</dependency>").matcher(text);
        assertTrue(snippet.find(), "the section has a <dependency> snippet");
        Element dependency = xml(snippet.group()).getDocumentElement();

        Element engine = xml(Files.readString(ROOT.resolve("rules-engine/pom.xml"))).getDocumentElement();
        Element parent = child(engine, "parent");
        assertEquals(child(parent, "groupId").getTextContent(), child(dependency, "groupId").getTextContent());
        assertEquals(child(engine, "artifactId").getTextContent(), child(dependency, "artifactId").getTextContent());
        assertEquals(child(parent, "version").getTextContent(), child(dependency, "version").getTextContent());
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
