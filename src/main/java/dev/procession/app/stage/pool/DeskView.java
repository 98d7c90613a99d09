package dev.procession.app.stage.pool;

import dev.procession.app.Messages;
import dev.procession.app.Children;
import dev.procession.app.stage.ItemChip;
import dev.procession.app.stage.StageStyles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One pool worker's desk: the worker, and the task on it ("task(3, 0.5)") or "idle". */
final class DeskView extends VBox {
    static final String STYLE = "pool-desk";
    static final String IDLE = Messages.text("stage.pool.desk.idle");

    private final StackPane workerPlace = new StackPane();
    private final Label caption = new Label();
    private final StackPane taskPlace = new StackPane();
    private final ItemChip task = new ItemChip("");
    private final Label idle = new Label(IDLE);

    DeskView(Node worker) {
        getStyleClass().add(STYLE);
        caption.getStyleClass().add(StageStyles.CAPTION);
        idle.getStyleClass().add("pool-desk-idle");
        taskPlace.getStyleClass().add("pool-desk-task");
        workerPlace.getChildren().add(worker);
        getChildren().addAll(workerPlace, caption, taskPlace);
    }

    /** {@code running}: the task on the desk, or null; {@code word} says why there is none. */
    void show(String running, String word) {
        if (running != null) {
            task.show(running);
            caption.setText(Messages.text("stage.pool.desk.runs"));
            Children.arrange(taskPlace.getChildren(), List.of(task));
        } else {
            idle.setText(word);
            caption.setText(" ");
            Children.arrange(taskPlace.getChildren(), List.of(idle));
        }
    }

    /** What the desk shows: the running task, or the word in its place. */
    String shown() {
        return taskPlace.getChildren().contains(task) ? task.item() : idle.getText();
    }
}
