package dev.procession.app.stage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders a stage to a PNG without javafx.swing: the snapshot's pixels are copied into a
 * BufferedImage by hand. Call on the FX thread. The folder is /tmp/stage-shots unless
 * -Dstage.shots names another.
 */
public final class StageShots {
    public static final Path FOLDER = Path.of(System.getProperty("stage.shots", "/tmp/stage-shots"));

    private StageShots() {
    }

    public static Path save(Node node, String name) throws IOException {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name + ".png");
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
