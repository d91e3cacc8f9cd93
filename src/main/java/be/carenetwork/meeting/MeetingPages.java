package be.carenetwork.meeting;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves /meetings/ (the facilitator's page) as its index page; /meeting/{code} is the map's meeting mode. */
@Configuration(proxyBeanMethods = false)
class MeetingPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/meetings/").setViewName("forward:/meetings/index.html");
        registry.addViewController("/meetings").setViewName("redirect:/meetings/");
    }
}
