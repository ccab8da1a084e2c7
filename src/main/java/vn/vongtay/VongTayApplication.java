package vn.vongtay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.vongtay.core.database.RestoreCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VongTayApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("restore")) {
			// restoring a backup of the embedded database: before, and instead of, the application (README)
			RestoreCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(VongTayApplication.class, args);
	}
}
