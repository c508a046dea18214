package io.chainmonitor.support.embedded.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/** A JUnit {@link TempDir} under the build directory instead of {@code /tmp}, kept when its test fails. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TempDir(factory = BuildTempDir.Factory.class, cleanup = CleanupMode.ON_SUCCESS)
public @interface BuildTempDir {

    /** Creates the directories of {@link BuildTempDir}. */
    final class Factory implements TempDirFactory {

        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) {
            return BuildDirectory.newTempDirectory("junit-");
        }
    }
}
