package dev.procession.app.shell;

import dev.procession.app.Messages;
import dev.procession.app.settings.Profile;
import dev.procession.app.theme.Icons;
import dev.procession.app.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Laptop | Projector in the toolbar: one click switches every pane's size and the docks with it. */
final class ProfileSwitch extends HBox {
    ProfileSwitch(Projection projection) {
        super(6);
        getStyleClass().add(Styles.PROFILE_SWITCH);
        ToggleGroup group = new ToggleGroup();
        ToggleButton laptop = button(Profile.LAPTOP, Icons.LAPTOP, group);
        ToggleButton projector = button(Profile.PROJECTOR, Icons.PROJECTOR, group);
        Label zoom = new Label();
        zoom.setId("zoom-level");
        zoom.textProperty().bind(projection.zoomProperty().multiply(100).asString("%.0f%%"));
        zoom.setTooltip(new Tooltip(Messages.text("profile.zoom.tooltip")));
        getChildren().addAll(laptop, projector, zoom);
        Runnable show = () -> group.selectToggle(projection.profileProperty().get() == Profile.LAPTOP ? laptop : projector);
        show.run();
        projection.profileProperty().addListener((obs, old, now) -> show.run());
        laptop.setOnAction(e -> {
            projection.use(Profile.LAPTOP);
            show.run();
        });
        projector.setOnAction(e -> {
            projection.use(Profile.PROJECTOR);
            show.run();
        });
    }

    private static ToggleButton button(Profile profile, Icons icon, ToggleGroup group) {
        ToggleButton b = new ToggleButton(Messages.text("profile." + profile.id()), icon.node());
        b.setId("profile-" + profile.id());
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(Messages.text("profile." + profile.id() + ".tooltip")));
        b.setFocusTraversable(false);
        return b;
    }
}
